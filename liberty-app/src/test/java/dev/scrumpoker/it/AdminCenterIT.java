package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Liberty's Admin Center for operators: served on HTTPS only, to the one administrator configured from the
 * environment (this checkout's random one here, a Secret on OpenShift), and to nobody else.
 */
class AdminCenterIT {

    private static final String HTTPS = "https://" + Server.HOST + ":" + Integer.getInteger("https.port", 9443);
    private static final String ADMIN = Server.required("admin.user");
    private static final String PASSWORD = Server.required("admin.password");

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void theAdministratorGetsInAndNobodyElseDoes() throws Exception {
        assertEquals(200, restConnector(ADMIN, PASSWORD));
        assertEquals(401, restConnector(ADMIN, PASSWORD + "x"));
        assertEquals(401, restConnector("operator", PASSWORD));
        assertEquals(401, restConnector(null, null));
    }

    @Test
    void plainHttpIsSentToHttps() {
        ApiResponse answer = Api.getAbsolute("/adminCenter/");

        assertEquals(302, answer.status());
        assertTrue(answer.header("Location").startsWith("https://"), answer.header("Location"));
    }

    @Test
    void theAdministratorSignsInToTheToolboxInABrowser() {
        try (Browser browser = Browser.trustingSelfSignedCertificates()) {
            browser.go(HTTPS + "/adminCenter/");
            browser.await("the login form", driver -> browser.find("#j_username").isDisplayed());
            browser.find("#j_username").sendKeys(ADMIN);
            browser.find("#j_password").sendKeys(PASSWORD);
            browser.find("#loginButton").click();

            browser.await("the Admin Center toolbox", driver -> driver.getCurrentUrl().startsWith(HTTPS + "/adminCenter/")
                    && !driver.getCurrentUrl().contains("login") && driver.getTitle().contains("Admin Center"));
        }
    }

    /** Status of Liberty's REST connector (what Admin Center's tools call) for these credentials. */
    private static int restConnector(String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(HTTPS + "/ibm/api/"))
                .timeout(Duration.ofSeconds(10)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return trustingClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The server's certificate is Liberty's self-signed one: these tests check access rules, not the PKI. */
    private static HttpClient trustingClient() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
