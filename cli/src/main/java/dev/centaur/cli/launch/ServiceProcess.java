package dev.centaur.cli.launch;

import java.nio.file.Path;

/** One started service: its process, the port it serves on and the file its output goes to. */
public record ServiceProcess(CentaurService service, int port, Process process, Path log) {

    public String address() {
        return "127.0.0.1:" + port;
    }
}
