package org.dialplane.core.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link FieldSet} of a resource class (or of one method, which then wins) for the generated OpenAPI
 * document: the class holding it as a {@code static final FieldSet} constant (any visibility; the first such
 * constant, or the one named by {@link #constant()}). The document then has, under
 * {@code components.schemas}, the item ({@code <name>}), its create and update bodies ({@code <name>Create}
 * with the required fields, {@code <name>Update}) and the list answer ({@code <name>Results}); its GETs get
 * {@code fields} (and on a collection {@code limit}, {@code offset}, {@code order}, {@code direction},
 * {@code search}); its JSON bodies refer to the create (POST) or update (PUT, PATCH) schema.
 *
 * <pre>{@code
 * @Path("extensions")
 * @Fields(ExtensionFields.class)
 * public class ExtensionsResource { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Fields {
    /** The class declaring the field set. */
    Class<?> value();

    /** The name of the constant, when the class declares more than one field set. */
    String constant() default "";

    /** The schema name; by default the class name without {@code Fields}: {@code ExtensionFields} -> Extension. */
    String name() default "";

    /**
     * Whether the answers of the annotated operations are lists of these fields. False for a body whose answer
     * is something else (a pause request answered with memberships): only the request body is described.
     */
    boolean answers() default true;
}
