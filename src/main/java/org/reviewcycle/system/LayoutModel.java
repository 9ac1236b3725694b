package org.reviewcycle.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffService;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the layout (templates/fragments/layout.html) shows on every page of ours: {@code me}, the
 * person logged in; {@code leadsTeams}; {@code administeredSchools}; {@code trustAdmin}. Added only when one of our
 * controllers renders a page, so that JSON answers (the launch's progress, polled every second)
 * and redirects read nothing for a layout they never show.
 */
@Configuration
class LayoutModel implements WebMvcConfigurer {

    private final AdministeredSchools administered;
    private final StaffService staff;

    LayoutModel(AdministeredSchools administered, StaffService staff) {
        this.administered = administered;
        this.staff = staff;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                    ModelAndView page) {
                if (page != null && handler instanceof HandlerMethod method
                        && method.getBeanType().getPackageName().startsWith("org.reviewcycle")
                        && !(page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
                    addTo(page);
                }
            }
        });
    }

    private void addTo(ModelAndView page) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var me = authentication == null ? null : staff.findByUsername(authentication.getName()).orElse(null);
        page.addObject("me", me);
        // a team's leader proposes its joint objectives (objective.TeamObjectivePages), admin or not
        page.addObject("leadsTeams", me != null && !staff.teamsLedBy(me.id()).isEmpty());
        page.addObject("administeredSchools", administered.schools());
        page.addObject("trustAdmin", administered.isTrustAdmin());
    }
}
