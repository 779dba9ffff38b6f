package org.dialplane.core.rest;

import jakarta.ws.rs.core.MediaType;

/** Media types of the API. */
public final class MediaTypes {
    /** RFC 9457 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(PROBLEM_JSON);

    private MediaTypes() {
    }
}
