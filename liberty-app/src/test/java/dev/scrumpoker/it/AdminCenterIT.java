package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Liberty's Admin Center for operators: served on HTTPS only, to the one administrator configured from the
 * environment (this checkout's random one here, a Secret on OpenShift), and to nobody else.
 */
class AdminCenterIT {

    private static final String HTTPS = Https.BASE;
    private static final String ADMIN = Server.required("admin.user");
    private static final String PASSWORD = Server.required("admin.password");

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void theAdministratorGetsInAndNobodyElseDoes() {
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
    private static int restConnector(String user, String password) {
        return Https.get("/ibm/api/", user, password).statusCode();
    }
}
