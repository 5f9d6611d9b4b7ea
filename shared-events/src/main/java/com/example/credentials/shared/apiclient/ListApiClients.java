package com.example.credentials.shared.apiclient;

import com.example.credentials.shared.common.LastUsedFilter;
import com.example.credentials.shared.common.PageRequest;

/** The API Management listing: every API client of the tenant, VA keys included, oldest first. */
public record ListApiClients(LastUsedFilter filter, PageRequest page) {
}
