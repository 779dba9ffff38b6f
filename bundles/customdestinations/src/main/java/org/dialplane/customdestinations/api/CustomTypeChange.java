package org.dialplane.customdestinations.api;

import java.util.List;

/**
 * What a write sets on a custom destination type; {@code null} when not sent. Build it with
 * {@link CustomTypeService#change}, which checks it as the REST resource does; the service checks the template
 * against the parameters again whatever built it.
 *
 * @param id             the type's id, or {@code null} when a POST leaves it to the database
 * @param name           1 to 40 characters, unique
 * @param description    what it does, at most 255 characters
 * @param template       dialplan application calls, one an item, with {@code ${param1}}..{@code ${param3}}
 * @param parameterNames the parameters' names, three items ({@code null} items: not sent or not declared)
 * @param parameterKinds the parameters' kinds ({@code digits}, {@code number}, {@code seconds}, {@code callerid})
 * @param externalNumber whether param1 is a number to dial (such a destination may join a hunt list)
 */
public record CustomTypeChange(String id, String name, String description, List<String> template,
        List<String> parameterNames, List<String> parameterKinds, Boolean externalNumber) {
}
