package io.astraea.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a local testnet's {@code testnet.json} a client needs: chain id, the faucet and
 * each validator's JSON-RPC URL, in the file's order.
 */
public record TestnetManifest(int chainId, URI faucet, List<URI> jsonRpc) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public TestnetManifest {
    jsonRpc = List.copyOf(jsonRpc);
  }

  /** Reads {@code testnet.json}; a missing field or a malformed URL is a {@link LoadgenException}. */
  public static TestnetManifest read(Path file) throws LoadgenException {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new LoadgenException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(root, file.toString());
  }

  static TestnetManifest parse(JsonNode root, String source) throws LoadgenException {
    if (root == null || !root.isObject()) {
      throw new LoadgenException(source + " is not a JSON object");
    }
    JsonNode chain = root.get("chain_id");
    if (chain == null || !chain.canConvertToInt()) {
      throw new LoadgenException(source + " has no integer chain_id");
    }
    URI faucet = uri(root.get("faucet"), source, "faucet");
    JsonNode validators = root.get("validators");
    if (validators == null || !validators.isArray() || validators.isEmpty()) {
      throw new LoadgenException(source + " lists no validators");
    }
    List<URI> urls = new ArrayList<>();
    for (JsonNode v : validators) {
      urls.add(uri(v.get("json_rpc"), source, "validators[].json_rpc"));
    }
    return new TestnetManifest(chain.asInt(), faucet, urls);
  }

  private static URI uri(JsonNode n, String source, String field) throws LoadgenException {
    if (n == null || !n.isTextual()) {
      throw new LoadgenException(source + " has no " + field);
    }
    try {
      URI u = new URI(n.asText());
      if (u.getScheme() == null || u.getHost() == null) {
        throw new LoadgenException(source + ": " + field + " is not an absolute URL: " + n.asText());
      }
      return u;
    } catch (java.net.URISyntaxException e) {
      throw new LoadgenException(source + ": " + field + " is not a URL: " + n.asText(), e);
    }
  }
}
