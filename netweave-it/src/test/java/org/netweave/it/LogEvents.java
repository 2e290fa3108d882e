package org.netweave.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The structured state-change lines the system logs while a test runs (the all-in-one runs in the
 * test's JVM): every line that carries an {@code event} key, with its key-value pairs, as a log
 * pipeline would read them. Attach before the action, close after.
 */
final class LogEvents extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    /** One logged state change: its event name, its key-value pairs and its formatted message. */
    record Line(String event, Map<String, String> keys, String message) {
        String key(String name) {
            return keys.get(name);
        }
    }

    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
    private Level netweaveLevel;

    /** Starts capturing, with Netweave's loggers at INFO (where state changes are logged) until {@link #close}. */
    static LogEvents attach() {
        LogEvents events = new LogEvents();
        Logger netweave = netweave();
        events.netweaveLevel = netweave.getLevel();
        netweave.setLevel(Level.INFO);
        events.setName("test-log-events");
        events.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        events.start();
        root().addAppender(events);
        return events;
    }

    @Override
    protected void append(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        pairs.forEach(p -> keys.put(p.key, String.valueOf(p.value)));
        if (keys.containsKey("event")) {
            lines.add(new Line(keys.get("event"), keys, event.getFormattedMessage()));
        }
    }

    /** The lines of one event, in the order they were logged. */
    List<Line> of(String event) {
        return lines.stream().filter(l -> l.event().equals(event)).toList();
    }

    @Override
    public void close() {
        root().detachAppender(this);
        netweave().setLevel(netweaveLevel);
        stop();
    }

    private static Logger netweave() {
        return (Logger) LoggerFactory.getLogger("org.netweave");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
