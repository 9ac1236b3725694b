package org.reviewcycle.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One person's HTTP conversation with the running application, as a browser or an API client has
 * it: cookies kept, redirects not followed (so that a test sees them), the Spring login form's CSRF
 * token and the Camunda webapps' XSRF token sent the way the real pages send them.
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String basicAuthorization;

    private WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static WebSession anonymous(int port) {
        return anonymous("http://localhost:" + port);
    }

    /** A browser's conversation with the application at {@code baseUrl} (a node, or the load balancer in front). */
    public static WebSession anonymous(String baseUrl) {
        return new WebSession(baseUrl);
    }

    /** An API client that sends HTTP basic credentials with every request and keeps no session. */
    public static WebSession basic(int port, String username, String password) {
        return basic("http://localhost:" + port, username, password);
    }

    public static WebSession basic(String baseUrl, String username, String password) {
        var session = anonymous(baseUrl);
        session.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return session;
    }

    /** Logs in through the login form, as a person does; fails if the login is refused. */
    public static WebSession loggedIn(int port, String username, String password) {
        return loggedIn("http://localhost:" + port, username, password);
    }

    public static WebSession loggedIn(String baseUrl, String username, String password) {
        var session = anonymous(baseUrl);
        var response = session.submitLogin(username, password);
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("Login as " + username + " was refused: " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        return session;
    }

    /** A browser that holds nothing but the cookie {@code name=value} for the host of {@code baseUrl}. */
    public static WebSession withCookie(String baseUrl, String name, String value) {
        var session = anonymous(baseUrl);
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        session.cookies.getCookieStore().add(URI.create(baseUrl), cookie);
        return session;
    }

    /** The value of the cookie {@code name} that this browser holds, if it holds one. */
    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Opens Tasklist as a browser does; this is when the webapp takes over the login. */
    public WebSession openTasklist() {
        var page = get("/camunda/app/tasklist/default/");
        if (page.statusCode() != 200) {
            throw new AssertionError("Tasklist did not open: " + page.statusCode());
        }
        return this;
    }

    public HttpResponse<String> submitLogin(String username, String password) {
        return submitLogin(username, password, get("/login").body());
    }

    /** Submits the login form of {@code page}, a login page this browser opened earlier. */
    public HttpResponse<String> submitLogin(String username, String password, String page) {
        var token = CSRF_FIELD.matcher(page);
        if (!token.find()) {
            throw new AssertionError("The login page has no CSRF field: " + page);
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Logs in as the login form on Tasklist's page does (login-in-place.js, through Tasklist's own
     * AuthenticationService): a form post to Camunda's login path with the webapps' XSRF token, which
     * this browser has once it has opened Tasklist's page.
     */
    public HttpResponse<String> submitTasklistLogin(String username, String password) {
        String form = "username=" + encode(username) + "&password=" + encode(password);
        return send(request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Posts a form of {@code page} (one of ours) with its CSRF token, as the browser would. */
    public HttpResponse<String> submitForm(String path, String page) {
        return submitForm(path, page, Map.of());
    }

    /** Posts a form of {@code page} (one of ours) with {@code fields} typed in and its CSRF token. */
    public HttpResponse<String> submitForm(String path, String page, Map<String, String> fields) {
        var token = CSRF_FIELD.matcher(page);
        if (!token.find()) {
            throw new AssertionError("The page has no CSRF field");
        }
        var form = new StringBuilder("_csrf=" + encode(token.group(1)));
        fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts JSON asking for the answer in {@code accept} (Tasklist asks for HAL). */
    public HttpResponse<String> postJson(String path, String json, String accept) {
        return send(request(path).setHeader("Accept", accept).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts nothing to {@code path} with {@code token} as the webapps' token, whatever this browser's cookie holds. */
    public HttpResponse<String> postWithWebappsToken(String path, String token) {
        return send(request(path).setHeader("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json, text/html");
        if (basicAuthorization != null) {
            builder.header("Authorization", basicAuthorization);
        }
        // The Camunda webapps send their XSRF cookie back as a header on every request.
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
