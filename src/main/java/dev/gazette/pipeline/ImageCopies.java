package dev.gazette.pipeline;

import dev.gazette.render.Urls;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Smaller copies of a local lead image for its {@code srcset}, made with the JDK's ImageIO: PNG
 * and JPEG, which it reads and writes everywhere ({@link Urls#scalableFormat}).
 * The same file always gives the same bytes.
 */
final class ImageCopies {
    private ImageCopies() {
    }

    /** The image {@code bytes} of the file {@code name} scaled to {@code width} pixels wide, in its own format; null when it cannot be. */
    static byte[] scaled(String name, byte[] bytes, int width) {
        String format = Urls.scalableFormat(name);
        if (format == null) {
            return null;
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null || image.getWidth() <= width) {
                return null;
            }
            int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
            // JPEG has no alpha channel; PNG keeps it.
            BufferedImage small = new BufferedImage(width, height,
                    format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(image, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            return ImageIO.write(small, format, out) ? out.toByteArray() : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged file: the page names only the original, which the browser may still show
        }
    }
}
