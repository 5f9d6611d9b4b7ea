package com.example.credentials.shared.apiclient;

/** One API client by id. */
public record FindApiClient(String clientId) {
}
