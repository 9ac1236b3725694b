package org.reviewcycle.support;

/** The two ways into the engine's REST API that a logged-in person has. */
public enum EngineApi {
    /** API clients, with HTTP basic. */
    ENGINE_REST("/engine-rest"),
    /** Tasklist's own calls, with the login's session and the webapps' XSRF token. */
    TASKLIST("/camunda/api/engine/engine/default");

    public final String root;

    EngineApi(String root) {
        this.root = root;
    }

    /** The person's session for this way in (password {@code demo}). */
    public WebSession as(int port, String username) {
        return this == ENGINE_REST ? WebSession.basic(port, username, "demo")
                : WebSession.loggedIn(port, username, "demo").openTasklist();
    }
}
