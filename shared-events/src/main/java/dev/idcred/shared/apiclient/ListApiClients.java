package dev.idcred.shared.apiclient;

import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.PageRequest;

/** The API Management listing: every API client of the tenant, VA keys included, oldest first. */
public record ListApiClients(ListingFilter filter, PageRequest page) {
}
