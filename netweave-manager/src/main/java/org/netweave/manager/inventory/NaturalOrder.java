package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Orders ids the way people read them: host-2 before host-10. The model's ids compare as text,
 * which puts host-10 first; lists and placement ties use this order so that "ties go to the lowest
 * id" means what an operator expects.
 */
public final class NaturalOrder {
    private NaturalOrder() {
    }

    /** Compares runs of digits by their number and everything else character by character. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        // Equal by number but written differently (host-01 and host-1): fall back to the text so the
        // order stays consistent with equals.
        return c != 0 ? c : a.compareTo(b);
    }

    /** A comparator of objects by a textual id, in natural order. */
    public static <T> Comparator<T> by(Function<T, ?> id) {
        return (x, y) -> compare(String.valueOf(id.apply(x)), String.valueOf(id.apply(y)));
    }

    /** A copy of {@code items} in natural order of their ids. */
    public static <T> List<T> sorted(Collection<T> items, Function<T, ?> id) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(by(id));
        return copy;
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int compareNumbers(String x, String y) {
        String a = stripZeros(x);
        String b = stripZeros(y);
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
