package com.example.credentials.query.pat;

import com.example.credentials.query.support.ResultPage;

import java.util.List;

/** One page of the PersonalAccessToken listing. */
public record PersonalAccessTokenPage(List<PersonalAccessTokenView> items, long total) implements ResultPage<PersonalAccessTokenView> {
}
