package dev.idcred.shared.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.identity.IdentityEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovedEventTypesTest {

    @Test
    void everyMovedNameLeadsToAnEventOfASealedHierarchyAndTheOldNameToNothing() throws Exception {
        for (var move : MovedEventTypes.NOW_CALLED.entrySet()) {
            Class<?> now = Class.forName(move.getValue());
            assertThat(CredentialEvent.class.isAssignableFrom(now) || IdentityEvent.class.isAssignableFrom(now))
                    .as(move.getValue()).isTrue();
            assertThatThrownBy(() -> Class.forName(move.getKey())).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void everyEventOfTheSealedHierarchiesThatLivedElsewhereIsMoved() {
        long elsewhereBefore = Stream.concat(events(CredentialEvent.class), events(IdentityEvent.class))
                .filter(event -> MovedEventTypes.NOW_CALLED.containsValue(event.getName())).count();
        assertThat(elsewhereBefore).isEqualTo(MovedEventTypes.NOW_CALLED.size());
    }

    /** The records a sealed hierarchy permits, through its sealed sub-interfaces. */
    private static Stream<Class<?>> events(Class<?> hierarchy) {
        return hierarchy.isSealed()
                ? Arrays.stream(hierarchy.getPermittedSubclasses()).flatMap(MovedEventTypesTest::events)
                : Stream.of(hierarchy);
    }

    @Test
    void aStoredEventKeepsItsPayloadAndRevisionUnderItsNewName() {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
        byte[] payload = "{\"tokenId\":\"t-1\",\"ownerId\":\"o-1\",\"reason\":\"bulk\",\"deletedAt\":\"2026-03-01T10:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        var entry = new GenericDomainEventEntry<>("PersonalAccessToken", "t-1", 3, "e-1", "2026-03-01T10:00:00Z",
                "dev.idcred.shared.pat.PersonalAccessTokenDeleted", "1", payload, "{}".getBytes(StandardCharsets.UTF_8));

        IntermediateEventRepresentation upcast = new MovedEventTypes()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();

        SerializedType type = upcast.getType();
        assertThat(type.getName()).isEqualTo("dev.idcred.shared.credential.PersonalAccessTokenDeleted");
        assertThat(type.getRevision()).isEqualTo("1");
        Object event = serializer.deserialize(upcast.getData());
        assertThat(event).isInstanceOfSatisfying(dev.idcred.shared.credential.PersonalAccessTokenDeleted.class,
                deleted -> assertThat(deleted.tokenId()).isEqualTo("t-1"));
    }
}
