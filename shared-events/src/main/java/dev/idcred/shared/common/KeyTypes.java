package dev.idcred.shared.common;

/**
 * The API-client listing's Type column. {@link #API} by default, {@link #VA} for virtual appliance keys; a REST
 * caller may give any other value, which is kept as given.
 */
public final class KeyTypes {
    public static final String API = "API";
    public static final String VA = "VA";

    private KeyTypes() {
    }
}
