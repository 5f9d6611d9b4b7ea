package dev.idcred.access.catalogue;

import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RightsCatalogueFileTest {

    @Test
    void shippedCatalogueIsValidAndOrgAdminHoldsEveryRight() throws Exception {
        RightsCatalogue catalogue = RightsCatalogueFile.load(new ClassPathResource("rights-catalogue.yaml"));
        assertThat(catalogue.rightsOf(List.of("ORG_ADMIN"))).isEqualTo(catalogue.rights());
        assertThat(catalogue.rightsOf(List.of())).containsExactlyInAnyOrder(
                "idn:my-personal-access-tokens:read", "idn:my-personal-access-tokens:manage",
                "idn:my-account:read", "idn:my-account:manage");
    }

    @Test
    void catalogueWithMistakesStopsTheStartNamingEachOne() {
        assertThatThrownBy(() -> RightsCatalogueFile.load(new ClassPathResource("catalogue-with-mistakes.yaml")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level HELPDESK names the undeclared right 'idn:nonexistent:read'")
                .hasMessageContaining("unknown method 'FETCH'")
                .hasMessageContaining("endpoint GET /v3/identities names the undeclared right 'idn:identities:read'")
                .hasMessageContaining("the API's own right 'idn:oauth-clients:manage' is not declared");
    }

    @Test
    void effectiveRightsAreScopeIntersectedWithTheOwnersLevels() throws Exception {
        RightsCatalogue catalogue = RightsCatalogueFile.load(new ClassPathResource("rights-catalogue.yaml"));
        assertThat(catalogue.effectiveRights(List.of("idn:identities:read", "idn:roles:manage"), List.of("HELPDESK")))
                .containsExactly("idn:identities:read");
        assertThat(catalogue.effectiveRights(List.of(Scopes.ALL), List.of("HELPDESK")))
                .isEqualTo(catalogue.rightsOf(List.of("HELPDESK")));
        assertThat(catalogue.effectiveRights(List.of(Scopes.DEFAULT), List.of("ORG_ADMIN"))).isEmpty();
    }
}
