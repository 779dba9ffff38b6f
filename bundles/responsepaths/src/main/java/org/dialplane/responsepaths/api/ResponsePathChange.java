package org.dialplane.responsepaths.api;

import java.util.List;

/**
 * What a write sets on a response path; a field that was not sent is {@code null} and left as it is. Build it from
 * the API's field names with {@link ResponsePathService#change}, which checks them as the REST resource does; the
 * service checks again what only the database knows (prompts and destination exist and are the tenant's).
 *
 * @param name        a name for people, at most 80 characters; required on create
 * @param prompts     media ids (system recordings) played in order: when there are more prompts than variables,
 *                    the extra ones come first (a welcome), then one prompt asks for each variable
 * @param variables   the variables read, in order; on update the whole list is replaced (a variable sent with
 *                    the {@code id} of one of the path's variables keeps that id)
 * @param voicefile   whether the caller then leaves a voice message
 * @param destination where the caller goes last; required on create
 */
public record ResponsePathChange(String name, List<String> prompts, List<Variable> variables, Boolean voicefile,
        Destination destination) {

    public ResponsePathChange {
        prompts = prompts == null ? null : List.copyOf(prompts);
        variables = variables == null ? null : List.copyOf(variables);
    }
}
