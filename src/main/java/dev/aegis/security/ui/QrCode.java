package dev.aegis.security.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/** Draws a QR code as inline SVG, so it needs no image endpoint and no script. */
final class QrCode {

    private QrCode() {}

    static String svg(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
            int w = m.getWidth();
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < w; x++) {
                    if (m.get(x, y)) {
                        path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                    }
                }
            }
            int quiet = 4;
            return "<svg xmlns='http://www.w3.org/2000/svg' width='220' height='220' viewBox='" + (-quiet) + " "
                    + (-quiet)
                    + " " + (w + 2 * quiet) + " " + (m.getHeight() + 2 * quiet) + "' shape-rendering='crispEdges'>"
                    + "<rect x='" + (-quiet) + "' y='" + (-quiet) + "' width='" + (w + 2 * quiet) + "' height='"
                    + (m.getHeight() + 2 * quiet) + "' fill='#fff'/><path d='" + path + "' fill='#000'/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
