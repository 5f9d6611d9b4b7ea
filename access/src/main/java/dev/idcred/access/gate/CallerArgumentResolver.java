package dev.idcred.access.gate;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands controllers the {@link Caller} that {@link CurrentAccessFilter} found the bearer token to be worth now. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static {
        // The caller comes from the bearer token, not from the request: it is no parameter of the API document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        Object caller = http == null ? null : http.getAttribute(CurrentAccessFilter.CALLER);
        if (!(caller instanceof Caller known)) {
            throw new IllegalStateException("No live bearer token on a protected endpoint");
        }
        return known;
    }
}
