package dev.idcred.command.directory;

import dev.idcred.command.CommandSideConfiguration;
import dev.idcred.command.identity.IdentityLookup;
import dev.idcred.command.oauth.CredentialLookup.CredentialRecord;
import dev.idcred.shared.apiclient.ApiClientCreated;
import dev.idcred.shared.apiclient.ApiClientDeleted;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.ApiClientUpdated;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import dev.idcred.shared.pat.PersonalAccessTokenCreated;
import dev.idcred.shared.pat.PersonalAccessTokenDeleted;
import dev.idcred.shared.pat.PersonalAccessTokenUpdated;
import dev.idcred.shared.token.AccessTokenRevoked;
import dev.idcred.shared.token.RefreshTokenFamilyRevoked;
import dev.idcred.shared.token.RefreshTokenIssued;
import dev.idcred.shared.token.RefreshTokenRotated;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the write side's directory in step with the log. Runs in a subscribing processor, inside the transaction
 * of the command that appended the event: once a DELETE has answered, its credential obtains no more tokens.
 */
@Component
@ProcessingGroup(CommandSideConfiguration.DIRECTORY_GROUP)
class DirectoryProjector {

    private final Directory directory;

    DirectoryProjector(Directory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(IdentityCreated event) {
        directory.putIdentity(event.identityId(), event.name(), event.kind(), event.tenantAccessExpiresAt(),
                event.networkRules());
    }

    @EventHandler
    void on(IdentityUpdated event) {
        IdentityLookup.IdentitySummary known = directory.find(event.identityId()).orElseThrow();
        directory.putIdentity(event.identityId(), event.name(), known.kind(), event.tenantAccessExpiresAt(),
                event.networkRules());
    }

    @EventHandler
    void on(UserLevelGranted event) {
        Set<String> levels = new TreeSet<>(directory.find(event.identityId()).orElseThrow().levels());
        levels.add(event.level());
        directory.setLevels(event.identityId(), levels);
    }

    @EventHandler
    void on(UserLevelRevoked event) {
        Set<String> levels = new TreeSet<>(directory.find(event.identityId()).orElseThrow().levels());
        levels.remove(event.level());
        directory.setLevels(event.identityId(), levels);
    }

    @EventHandler
    void on(ApiClientCreated event) {
        ApiClientSettings s = event.settings();
        directory.putCredential(new CredentialRecord(event.clientId(), CredentialKind.API_CLIENT, event.ownerId(),
                event.secretHash(), s.scope(), grantTypes(s), s.enabled(), s.accessTokenValiditySeconds(),
                refreshValidity(s)));
    }

    @EventHandler
    void on(ApiClientUpdated event) {
        ApiClientSettings s = event.settings();
        directory.updateCredential(event.clientId(), s.scope(), grantTypes(s), s.enabled(),
                s.accessTokenValiditySeconds(), s.refreshTokenValiditySeconds());
    }

    @EventHandler
    void on(ApiClientDeleted event) {
        directory.removeCredential(event.clientId());
    }

    @EventHandler
    void on(PersonalAccessTokenCreated event) {
        directory.putCredential(new CredentialRecord(event.tokenId(), CredentialKind.PERSONAL_ACCESS_TOKEN,
                event.ownerId(), event.secretHash(), event.scope(), EnumSet.of(GrantType.CLIENT_CREDENTIALS), true,
                event.accessTokenValiditySeconds(), 0));
    }

    @EventHandler
    void on(PersonalAccessTokenUpdated event) {
        directory.updateCredential(event.tokenId(), event.scope(), EnumSet.of(GrantType.CLIENT_CREDENTIALS), true,
                null, null);
    }

    @EventHandler
    void on(PersonalAccessTokenDeleted event) {
        directory.removeCredential(event.tokenId());
    }

    @EventHandler
    void on(AccessTokenRevoked event) {
        directory.revokeToken(event.jti(), event.credentialId(), event.expiresAt(), event.revokedAt());
    }

    @EventHandler
    void on(RefreshTokenIssued event) {
        directory.putRefreshFamily(event.familyId(), event.clientId(), event.ownerId(), event.secretHash(),
                event.expiresAt());
    }

    @EventHandler
    void on(RefreshTokenRotated event) {
        directory.rotateRefreshFamily(event.familyId(), event.secretHash(), event.expiresAt());
    }

    @EventHandler
    void on(RefreshTokenFamilyRevoked event) {
        directory.markRefreshFamilyRevoked(event.familyId());
        directory.revokeToken(event.familyId(), event.clientId(), event.accessTokensValidUntil(), event.revokedAt());
    }

    /** Settings without a refresh validity (a VA key's) come with no refresh grant, so they never use it. */
    private static int refreshValidity(ApiClientSettings settings) {
        return settings.refreshTokenValiditySeconds() == null ? 0 : settings.refreshTokenValiditySeconds();
    }

    private static Set<GrantType> grantTypes(ApiClientSettings settings) {
        return settings.grantTypes().isEmpty() ? EnumSet.noneOf(GrantType.class) : EnumSet.copyOf(settings.grantTypes());
    }
}
