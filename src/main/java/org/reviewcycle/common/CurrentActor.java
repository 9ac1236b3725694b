package org.reviewcycle.common;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is changing the record now, for the created_by / updated_by columns: the logged-in member of
 * staff (Spring Security), else the user the engine is working for (a task completed through the
 * REST API or a job), else {@value #SYSTEM} (start-up, migrations of data, the job executor).
 */
@Component
public class CurrentActor {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    public CurrentActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String username() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName())) {
            return authentication.getName();
        }
        Authentication engineAuthentication = identityService.getCurrentAuthentication();
        if (engineAuthentication != null && engineAuthentication.getUserId() != null) {
            return engineAuthentication.getUserId();
        }
        return SYSTEM;
    }
}
