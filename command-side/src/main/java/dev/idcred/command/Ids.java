package dev.idcred.command;

import java.util.UUID;

/** New resource ids: 32 lower-case hex characters, as the v3 API's ids are. */
public final class Ids {
    private Ids() {
    }

    public static String next() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
