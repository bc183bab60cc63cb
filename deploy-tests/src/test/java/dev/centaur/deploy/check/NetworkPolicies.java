package dev.centaur.deploy.check;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Evaluates NetworkPolicies the way the Kubernetes API defines them, to list which connections
 * they let through: a connection needs the source's egress and the destination's ingress; a pod no
 * policy selects for a direction is open in it; policies add up; an empty peer list or port list
 * means all. Only pods of the policies' namespace are governed; peers outside it are modelled with
 * their namespace labels (or an IP address for the API server and the internet).
 */
public final class NetworkPolicies {

    /** A pod (with its namespace's labels) or, with an IP, something outside the pod network. */
    public record Peer(String name, String namespace, Map<String, String> namespaceLabels,
            Map<String, String> podLabels, String ip, Map<String, Integer> namedPorts) {

        public static Peer pod(String name, String namespace, Map<String, String> podLabels, Map<String, Integer> namedPorts) {
            return new Peer(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), podLabels, null, namedPorts);
        }

        public static Peer address(String name, String ip) {
            return new Peer(name, null, Map.of(), Map.of(), ip, Map.of());
        }

        boolean isPod() {
            return ip == null;
        }
    }

    /** A destination port: number and protocol. */
    public record Port(int number, String protocol) {
        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    public NetworkPolicies(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    /** Every allowed "source -> destination:port/protocol" among the peers, sorted. */
    public TreeSet<String> allowedConnections(List<Peer> peers, Map<String, List<Port>> portsByPeer) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Peer source : peers) {
            for (Peer destination : peers) {
                if (!governed(source) && !governed(destination)) {
                    continue; // neither end is ours: nothing here decides
                }
                for (Port port : portsByPeer.getOrDefault(destination.name(), List.of())) {
                    if (allows(source, destination, port)) {
                        allowed.add(source.name() + " -> " + destination.name() + ":" + port);
                    }
                }
            }
        }
        return allowed;
    }

    public boolean allows(Peer source, Peer destination, Port port) {
        return direction(source, "Egress", destination, port) && direction(destination, "Ingress", source, port);
    }

    private boolean governed(Peer peer) {
        return peer.isPod() && namespace.equals(peer.namespace());
    }

    /** Whether the policies selecting {@code subject} for this direction let {@code other} through. */
    private boolean direction(Peer subject, String type, Peer other, Port port) {
        if (!governed(subject)) {
            return true;
        }
        boolean selected = false;
        Peer destination = type.equals("Egress") ? other : subject;
        for (NetworkPolicy policy : policies) {
            if (!matches(policy.getSpec().getPodSelector(), subject.podLabels()) || !types(policy).contains(type)) {
                continue;
            }
            selected = true;
            if (type.equals("Ingress")) {
                for (var rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                    if (peersMatch(rule.getFrom(), other) && portsMatch(rule.getPorts(), port, destination)) {
                        return true;
                    }
                }
            } else {
                for (var rule : Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of())) {
                    if (peersMatch(rule.getTo(), other) && portsMatch(rule.getPorts(), port, destination)) {
                        return true;
                    }
                }
            }
        }
        return !selected;
    }

    private static List<String> types(NetworkPolicy policy) {
        List<String> declared = policy.getSpec().getPolicyTypes();
        if (declared != null && !declared.isEmpty()) {
            return declared;
        }
        List<String> implied = new ArrayList<>(List.of("Ingress"));
        if (policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty()) {
            implied.add("Egress");
        }
        return implied;
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Peer other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (!other.isPod() && inBlock(other.ip(), peer.getIpBlock())) {
                    return true;
                }
                continue;
            }
            if (!other.isPod()) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? namespace.equals(other.namespace())
                    : matches(peer.getNamespaceSelector(), other.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.podLabels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Port port, Peer destination) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!protocol.equals(port.protocol())) {
                continue;
            }
            IntOrString number = p.getPort();
            if (number == null) {
                return true;
            }
            Integer first = number.getIntVal() != null ? number.getIntVal() : destination.namedPorts().get(number.getStrVal());
            int last = p.getEndPort() != null ? p.getEndPort() : first == null ? -1 : first;
            if (first != null && port.number() >= first && port.number() <= last) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> required = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        if (!labels.entrySet().containsAll(required.entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement r : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown selector operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inBlock(String ip, IPBlock block) {
        if (!inCidr(ip, block.getCidr())) {
            return false;
        }
        return Optional.ofNullable(block.getExcept()).orElse(List.of()).stream().noneMatch(e -> inCidr(ip, e));
    }

    private static boolean inCidr(String ip, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = network.length * 8;
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + ip + " or " + cidr, e);
        }
    }
}
