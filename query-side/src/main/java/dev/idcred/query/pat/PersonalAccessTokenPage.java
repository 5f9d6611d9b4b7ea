package dev.idcred.query.pat;

import dev.idcred.query.support.ResultPage;

import java.util.List;

/** One page of the PersonalAccessToken listing. */
public record PersonalAccessTokenPage(List<PersonalAccessTokenView> items, long total) implements ResultPage<PersonalAccessTokenView> {
}
