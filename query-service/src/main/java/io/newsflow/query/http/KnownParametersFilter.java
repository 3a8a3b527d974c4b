package io.newsflow.query.http;

import io.newsflow.web.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rejects query parameters the matched endpoint does not declare, and declared ones given twice:
 * a typo such as {@code ?langauge=en} would otherwise silently return unfiltered results.
 */
public class KnownParametersFilter {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void rejectUnknownParameters(ContainerRequestContext request, ResourceInfo resource) {
        Set<String> accepted = declared.computeIfAbsent(resource.getResourceMethod(), KnownParametersFilter::queryParameters);
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!accepted.contains(name)) {
                throw ProblemException.badParameter(name, "is not known here; this endpoint accepts "
                        + (accepted.isEmpty() ? "no parameters" : String.join(", ", accepted)) + ".");
            }
            if (parameter.getValue().size() > 1) {
                throw ProblemException.badParameter(name, "is given more than once.");
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                } else if (annotation instanceof BeanParam) {
                    // Parameters shared by several endpoints are fields of a bean.
                    Arrays.stream(method.getParameterTypes()[i].getDeclaredFields())
                            .map(field -> field.getAnnotation(QueryParam.class))
                            .filter(Objects::nonNull)
                            .forEach(query -> names.add(query.value()));
                }
            }
        }
        return Set.copyOf(names);
    }
}
