package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.curve.CurveChart;
import dev.centaur.cli.curve.CurveTable;
import dev.centaur.router.v1.GetCurveRequest;
import dev.centaur.router.v1.GetCurveResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code centaur curve}: the cost-quality curve as a table and, optionally, a PNG or SVG picture. */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = "Print the cost-quality curve with the operating point and its evidence; --png and --svg draw it.")
public class CurveCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Option(names = "--png", description = "Also draw quality against the share relabeled by humans into this PNG file.")
    Path png;

    @Option(names = "--svg", description = "Also draw it into this SVG file (vector graphics).")
    Path svg;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        return Commands.run("curve", () -> {
            try (CentaurClients clients = router.clients()) {
                GetCurveResponse curve = fetch(clients, projectId);
                System.out.print(CurveTable.render(curve));
                if (png != null) {
                    System.out.println("Curve picture: " + draw(curve, projectId, png).toAbsolutePath());
                }
                if (svg != null) {
                    System.out.println("Curve picture: " + drawSvg(curve, projectId, svg).toAbsolutePath());
                }
            }
        });
    }

    public static GetCurveResponse fetch(CentaurClients clients, String projectId) {
        return RpcFailure.call("GetCurve", () -> clients.router().getCurve(GetCurveRequest.newBuilder().setProjectId(projectId).build()));
    }

    /** Writes the PNG picture; a curve without points cannot be drawn. */
    public static Path draw(GetCurveResponse curve, String projectId, Path file) {
        return write(curve, projectId, file, CurveChart::writePng);
    }

    /** Writes the SVG picture; a curve without points cannot be drawn. */
    public static Path drawSvg(GetCurveResponse curve, String projectId, Path file) {
        return write(curve, projectId, file, CurveChart::writeSvg);
    }

    /** One of CurveChart's writers. */
    private interface ChartWriter {
        void write(Path file, String title, GetCurveResponse curve) throws IOException;
    }

    private static Path write(GetCurveResponse curve, String projectId, Path file, ChartWriter writer) {
        if (curve.getPointsCount() == 0) {
            throw new CliException("no curve to draw yet for " + projectId + " (no evidence)");
        }
        try {
            writer.write(file, "Centaur " + projectId + ": quality against human relabeling", curve);
            return file;
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
