package dev.idcred.query.identity;

import dev.idcred.query.support.ResultPage;

import java.util.List;

/** One page of the Identity listing. */
public record IdentityPage(List<IdentityView> items, long total) implements ResultPage<IdentityView> {
}
