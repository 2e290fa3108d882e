package org.netweave.ovs;

import java.util.Objects;

/** One OpenFlow action in ovs-ofctl syntax; a jump names its stage so that only rendering knows the table number. */
public sealed interface Action {

    /** The action as golden tests show it: stages by name. */
    String golden();

    /** The action as ovs-ofctl reads it: tables by number. */
    String ofctl();

    static Action gotoStage(Stage stage) {
        return new Goto(stage);
    }

    static Action of(String text) {
        return new Text(text);
    }

    record Goto(Stage stage) implements Action {
        public Goto {
            Objects.requireNonNull(stage, "stage");
        }

        @Override
        public String golden() {
            return "goto_table:" + stage.name();
        }

        @Override
        public String ofctl() {
            return "goto_table:" + stage.table();
        }
    }

    /** Any other action, already in ovs-ofctl syntax (port names, not numbers: ovs-ofctl resolves them). */
    record Text(String text) implements Action {
        public Text {
            Objects.requireNonNull(text, "text");
            if (text.isBlank() || text.contains("goto_table")) {
                throw new IllegalArgumentException("not a plain action: '" + text + "'");
            }
        }

        @Override
        public String golden() {
            return text;
        }

        @Override
        public String ofctl() {
            return text;
        }
    }
}
