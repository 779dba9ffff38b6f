package org.dialplane.core.internal.auth;

import com.nimbusds.jose.JOSEObjectType;

/**
 * The two kinds of token. Each is marked twice, in the JOSE header ({@code typ}) and in a claim
 * ({@code token_use}), and both marks are checked, so that one kind is never accepted as the other.
 */
enum TokenType {
    ACCESS("at+jwt", "access"),
    REFRESH("rt+jwt", "refresh");

    static final String CLAIM = "token_use";

    final JOSEObjectType header;
    final String claim;

    TokenType(String header, String claim) {
        this.header = new JOSEObjectType(header);
        this.claim = claim;
    }
}
