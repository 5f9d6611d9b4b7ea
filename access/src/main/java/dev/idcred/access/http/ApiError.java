package dev.idcred.access.http;

import java.util.List;

/** The API's error body, as the v3 API and its SDK know it. Written only by {@link ErrorResponses}. */
public record ApiError(String detailCode, String trackingId, List<Message> messages, List<Message> causes) {

    public record Message(String locale, String localeOrigin, String text) {
        static Message english(String text) {
            return new Message("en-US", "DEFAULT", text);
        }
    }

    static ApiError of(String detailCode, String trackingId, String text) {
        return new ApiError(detailCode, trackingId, List.of(Message.english(text)), List.of());
    }
}
