package org.dialplane.core.internal.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.dialplane.core.auth.Public;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

/** Reads the operations of a JAX-RS resource class from its annotations. */
final class ResourceIntrospector {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceIntrospector.class);
    private ResourceIntrospector() {
    }

    static List<Operation> operations(String basePath, Class<?> resource) {
        Path classPath = resource.getAnnotation(Path.class);
        if (classPath == null) {
            return List.of();
        }
        List<Operation> operations = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            String httpMethod = httpMethod(method);
            if (httpMethod == null) {
                continue;
            }
            Path methodPath = method.getAnnotation(Path.class);
            String path = join(basePath, classPath.value(), methodPath == null ? "" : methodPath.value());
            boolean isPublic = method.isAnnotationPresent(Public.class) || resource.isAnnotationPresent(Public.class);
            operations.add(new Operation(httpMethod, path, tag(basePath, path), summary(method),
                    parameters(method), body(method), consumes(resource, method), produces(resource, method),
                    isPublic, method.getReturnType(), declared(resource, method), status(method)));
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    /** The field set {@code @Fields} names on the method or else on the class; null without one. */
    static Operation.Declared declared(Class<?> resource, Method method) {
        Fields fields = method.getAnnotation(Fields.class);
        if (fields == null) {
            fields = resource.getAnnotation(Fields.class);
        }
        if (fields == null) {
            return null;
        }
        Class<?> holder = fields.value();
        for (Field constant : holder.getDeclaredFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == FieldSet.class
                    && (fields.constant().isEmpty() || fields.constant().equals(constant.getName()))) {
                try {
                    constant.setAccessible(true);
                    FieldSet set = (FieldSet) constant.get(null);
                    String name = fields.name().isEmpty() ? holder.getSimpleName().replaceFirst("Fields$", "")
                            : fields.name();
                    return set == null ? null : new Operation.Declared(name, set, fields.answers());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.warn("Cannot read the field set {}.{} named by {}", holder.getName(), constant.getName(),
                            resource.getName(), e);
                    return null;
                }
            }
        }
        LOG.warn("{} names {} in @Fields, which declares no FieldSet constant", resource.getName(), holder.getName());
        return null;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Joins path segments and drops JAX-RS regular expressions: {@code {id: [0-9]+}} becomes {@code {id}}. */
    static String join(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            for (String part : segment.split("/")) {
                if (!part.isEmpty()) {
                    path.append('/').append(part.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}"));
                }
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static String tag(String basePath, String path) {
        String rest = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
        String[] parts = rest.split("/");
        return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "api";
    }

    private static int status(Method method) {
        Doc doc = method.getAnnotation(Doc.class);
        return doc == null ? 0 : doc.status();
    }

    private static String summary(Method method) {
        Doc doc = method.getAnnotation(Doc.class);
        if (doc != null) {
            return doc.value();
        }
        String words = method.getName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<Operation.Parameter> parameters(Method method) {
        List<Operation.Parameter> parameters = new ArrayList<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String defaultValue = null;
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof DefaultValue value) {
                    defaultValue = value.value();
                }
            }
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof PathParam p) {
                    parameters.add(new Operation.Parameter("path", p.value(), types[i], null));
                } else if (annotation instanceof QueryParam q) {
                    parameters.add(new Operation.Parameter("query", q.value(), types[i], defaultValue));
                } else if (annotation instanceof HeaderParam h) {
                    parameters.add(new Operation.Parameter("header", h.value(), types[i], defaultValue));
                } else if (annotation instanceof FormParam f) {
                    parameters.add(new Operation.Parameter("form", f.value(), types[i], defaultValue));
                } else if (annotation instanceof BeanParam) {
                    parameters.addAll(beanParameters(types[i]));
                }
            }
        }
        return parameters;
    }

    /** The query parameters declared by the fields of a {@code @BeanParam} class. */
    private static List<Operation.Parameter> beanParameters(Class<?> bean) {
        List<Operation.Parameter> parameters = new ArrayList<>();
        for (var field : bean.getDeclaredFields()) {
            QueryParam query = field.getAnnotation(QueryParam.class);
            if (query != null) {
                DefaultValue value = field.getAnnotation(DefaultValue.class);
                parameters.add(new Operation.Parameter("query", query.value(), field.getType(),
                        value == null ? null : value.value()));
            }
        }
        return parameters;
    }

    /** The entity parameter: the one parameter without any JAX-RS parameter annotation. */
    private static Class<?> body(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean annotated = Arrays.stream(annotations[i]).anyMatch(a -> a instanceof PathParam
                    || a instanceof QueryParam || a instanceof HeaderParam || a instanceof FormParam
                    || a instanceof BeanParam || a instanceof Context || a instanceof CookieParam
                    || a instanceof MatrixParam);
            if (!annotated) {
                return method.getParameterTypes()[i];
            }
        }
        return null;
    }

    private static List<String> consumes(Class<?> resource, Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getAnnotation(Consumes.class);
        }
        return consumes == null ? List.of("application/json") : List.of(consumes.value());
    }

    private static List<String> produces(Class<?> resource, Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = resource.getAnnotation(Produces.class);
        }
        return produces == null ? List.of("application/json") : List.of(produces.value());
    }
}
