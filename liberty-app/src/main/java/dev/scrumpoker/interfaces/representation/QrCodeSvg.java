package dev.scrumpoker.interfaces.representation;

import io.nayuki.qrcodegen.QrCode;
import java.util.Objects;

/** A link drawn as a QR code in SVG, so a phone in the meeting room can join by pointing its camera at the screen. */
public final class QrCodeSvg {

    /** The quiet zone the QR specification asks for around the symbol, in modules. */
    private static final int BORDER = 4;

    private QrCodeSvg() {
    }

    public static String of(String text) {
        Objects.requireNonNull(text, "text is required");
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int extent = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + extent + ' ' + extent
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
