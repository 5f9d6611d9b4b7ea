package dev.idcred.console;

import java.io.Serial;
import java.io.Serializable;

/**
 * A secret to show once, after a create or a rotation: carried to the secret page as a flash attribute (held on the
 * server for that one redirect), so leaving or reloading the page forgets it.
 */
public record Created(String what, String name, String clientId, String secret, String detailsPath)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "Created[" + what + " " + clientId + "]";
    }
}
