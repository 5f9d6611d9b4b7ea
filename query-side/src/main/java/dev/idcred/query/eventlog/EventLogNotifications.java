package dev.idcred.query.eventlog;

import org.axonframework.spring.config.SpringAxonConfiguration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The event store's notification channel: every transaction that appends events notifies {@code events_appended}
 * once, at commit (a trigger on the event table). This listens on a connection of its own and wakes the read models'
 * processors ({@link EventFeed#wake}), so a query-side process follows a write made by any other process within
 * milliseconds. The one adapter of the query side to PostgreSQL besides Axon's own event store; if the connection
 * drops it reconnects, and the processors poll meanwhile.
 */
@Component
class EventLogNotifications implements SmartLifecycle {

    static final String CHANNEL = "events_appended";
    private static final Logger log = LoggerFactory.getLogger(EventLogNotifications.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSourceProperties dataSource;
    private final EventFeed feed;
    private volatile Thread listener;
    private volatile boolean running;

    EventLogNotifications(DataSourceProperties dataSource, EventFeed feed) {
        this.dataSource = dataSource;
        this.feed = feed;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "event-log-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Listens while Axon runs the processors, and stops after they have. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE - 1024;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword())) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                feed.wake();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        feed.wake();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for appended events failed ({}); reconnecting in a second", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
