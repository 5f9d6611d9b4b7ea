package dev.idcred.shared.apiclient;

/** One API client by id. */
public record FindApiClient(String clientId) {
}
