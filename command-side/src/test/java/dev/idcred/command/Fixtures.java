package dev.idcred.command;

import dev.idcred.access.catalogue.RightsCatalogueFile;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.policy.CredentialPolicy;
import org.axonframework.messaging.MetaData;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the aggregate tests share: a fixed clock, the real catalogue, identities on file, and a matcher. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final RightsCatalogue CATALOGUE = loadCatalogue();

    private Fixtures() {
    }

    /** Identities the aggregates may look up in the authorization table, by id. */
    public static final class Identities implements CredentialStates {
        private final Map<String, OwnerFacts> known = new HashMap<>();

        public Identities with(String id, IdentityKind kind, String... levels) {
            known.put(id, new OwnerFacts(id, "Name of " + id, kind, Set.of(levels),
                    kind.isVendorAccount() ? NOW.plusSeconds(86_400) : null, NetworkRules.none(), NOW));
            return this;
        }

        public Identities withExpiredAccess(String id, IdentityKind kind) {
            known.put(id, new OwnerFacts(id, "Name of " + id, kind, Set.of(), NOW.minusSeconds(1),
                    NetworkRules.none(), NOW));
            return this;
        }

        @Override
        public Optional<OwnerFacts> identity(String identityId) {
            return Optional.ofNullable(known.get(identityId));
        }

        @Override
        public java.util.List<dev.idcred.shared.credential.CredentialFacts> credentialsOwnedBy(String ownerId) {
            return java.util.List.of();
        }

        @Override
        public Optional<CredentialAccess> credential(String credentialId) {
            return Optional.empty();
        }
    }

    /** The credential policy the aggregates ask, over the real catalogue. */
    public static final CredentialPolicy POLICY = new CredentialPolicy(CATALOGUE);

    /** An identity acting with a token that holds {@code rights} now. */
    public static Actor actor(String identityId, IdentityKind kind, String... rights) {
        return Actor.of(identityId, "credential-of-" + identityId, kind, Set.of(rights),
                kind.isVendorAccount() ? NOW.plusSeconds(86_400) : null);
    }

    /** A person of the tenant whose token holds {@code rights} now. */
    public static Actor person(String identityId, String... rights) {
        return actor(identityId, IdentityKind.USER, rights);
    }

    /** A person whose token holds every right of the catalogue, as an ORG_ADMIN's {@code sp:scopes:all} token does. */
    public static Actor administrator(String identityId) {
        return Actor.of(identityId, "credential-of-" + identityId, IdentityKind.USER, CATALOGUE.rights(), null);
    }

    /** A command's metadata, sent on behalf of {@code actor} as {@link Commands} sends it. */
    public static MetaData as(Actor actor) {
        return MetaData.with(AuditMetadata.ACTOR_ID, actor.identityId()).and(Commands.ACTOR, actor);
    }

    /** Matches a {@link DomainException} that names this code. */
    public static Matcher<Throwable> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainException refused && refused.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code " + code);
            }
        };
    }

    private static RightsCatalogue loadCatalogue() {
        try {
            return RightsCatalogueFile.load(new ClassPathResource("rights-catalogue.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
