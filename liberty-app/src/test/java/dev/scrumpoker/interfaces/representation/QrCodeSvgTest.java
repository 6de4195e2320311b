package dev.scrumpoker.interfaces.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeSvgTest {

    private static final String LINK = "https://poker.example.com/r/k3Xa9_Qz?invite=9f8e7d6c";
    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    @Test
    void drawsEveryDarkModuleOfTheCodeInsideAFourModuleQuietZone() {
        QrCode expected = QrCode.encodeText(LINK, QrCode.Ecc.MEDIUM);
        String svg = QrCodeSvg.of(LINK);

        Set<String> drawn = new HashSet<>();
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            drawn.add((Integer.parseInt(module.group(1)) - 4) + "," + (Integer.parseInt(module.group(2)) - 4));
        }
        Set<String> dark = new HashSet<>();
        for (int y = 0; y < expected.size; y++) {
            for (int x = 0; x < expected.size; x++) {
                if (expected.getModule(x, y)) {
                    dark.add(x + "," + y);
                }
            }
        }
        assertEquals(dark, drawn);
        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertTrue(viewBox.find(), svg);
        assertEquals(expected.size + 8, Integer.parseInt(viewBox.group(1)));
    }

    @Test
    void isAStandaloneSvgDocumentOnAWhiteBackground() {
        String svg = QrCodeSvg.of(LINK);

        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("fill=\"#fff\""), "a dark-mode page must not show through the light modules");
        assertTrue(svg.endsWith("</svg>"), svg);
    }

    @Test
    void differentLinksGiveDifferentCodes() {
        assertNotEquals(QrCodeSvg.of(LINK), QrCodeSvg.of(LINK.replace("k3Xa9_Qz", "k3Xa9_Qy")));
    }
}
