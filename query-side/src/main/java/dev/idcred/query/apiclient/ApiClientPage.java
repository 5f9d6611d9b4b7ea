package dev.idcred.query.apiclient;

import dev.idcred.query.support.ResultPage;

import java.util.List;

/** One page of the ApiClient listing. */
public record ApiClientPage(List<ApiClientView> items, long total) implements ResultPage<ApiClientView> {
}
