package dev.idcred.access.network;

/**
 * Where a call comes from: the client's address, and its ISO 3166 country when a trusted proxy named one
 * (otherwise null). See {@link ClientOrigins}.
 */
public record ClientOrigin(String address, String country) {

    @Override
    public String toString() {
        return country == null ? address : address + " (" + country + ")";
    }
}
