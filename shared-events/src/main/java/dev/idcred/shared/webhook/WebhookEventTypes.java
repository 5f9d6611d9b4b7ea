package dev.idcred.shared.webhook;

import java.util.List;

/** The credential events a webhook can subscribe to. */
public final class WebhookEventTypes {

    public static final String CREATED = "credential.created";
    public static final String DELETED = "credential.deleted";
    public static final String ROTATED = "credential.rotated";
    public static final String EXPIRING = "credential.expiring";
    public static final String EXPIRED = "credential.expired";
    public static final String LEAKED = "credential.leaked";
    public static final String RIGHTS_CHANGED = "credential.rights-changed";
    public static final String REFUSED = "credential.refused";

    public static final List<String> ALL = List.of(CREATED, DELETED, ROTATED, EXPIRING, EXPIRED, LEAKED,
            RIGHTS_CHANGED, REFUSED);

    private WebhookEventTypes() {
    }
}
