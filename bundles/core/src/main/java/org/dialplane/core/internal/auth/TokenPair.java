package org.dialplane.core.internal.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answer to a login or a renewal, shaped as in Issabel's pbxapi. */
@JsonPropertyOrder({ "access_token", "expires_in", "refresh_token", "token_type" })
record TokenPair(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken) {

    @JsonProperty("token_type")
    String tokenType() {
        return "Bearer";
    }
}
