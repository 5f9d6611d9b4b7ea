package dev.idcred.query.support;

import java.util.List;

/**
 * One page of a listing, and the number of items in all pages when it was asked for (else -1). Each listing has
 * its own record, so the query bus can match a query's handler by its exact response type.
 */
public interface ResultPage<T> {

    List<T> items();

    long total();
}
