package dev.idcred.command;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.access.catalogue.RightsCatalogueFile;
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
        public Optional<CredentialAccess> credential(String credentialId) {
            return Optional.empty();
        }
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
