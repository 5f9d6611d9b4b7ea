package com.example.credentials.query.apiclient;

import com.example.credentials.query.support.ResultPage;

import java.util.List;

/** One page of the ApiClient listing. */
public record ApiClientPage(List<ApiClientView> items, long total) implements ResultPage<ApiClientView> {
}
