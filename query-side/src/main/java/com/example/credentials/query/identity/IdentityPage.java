package com.example.credentials.query.identity;

import com.example.credentials.query.support.ResultPage;

import java.util.List;

/** One page of the Identity listing. */
public record IdentityPage(List<IdentityView> items, long total) implements ResultPage<IdentityView> {
}
