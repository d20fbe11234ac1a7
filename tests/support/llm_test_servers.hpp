// Small loopback servers for the LLM client's integration tests, beside FakeOpenAi:
//   - TestPki: a throwaway CA, a second unknown CA, and a server certificate for
//     "localhost" and "llm.test" (no IP address), made with the openssl CLI;
//   - TlsChatServer: HTTPS that answers every request with one fixed chat.completion;
//   - Splicer: a TCP relay that counts connections, either a plain forwarder to one port
//     (to observe concurrency) or an HTTP CONNECT proxy (records the CONNECT targets and
//     tunnels every one to 127.0.0.1 at the requested port).
// Each server runs its own io_context on its own thread; public members are thread-safe.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace jc::testing {

struct TestPki {
  std::string dir;
  std::string ca_cert;        // signs server_cert
  std::string other_ca_cert;  // an unrelated CA
  std::string server_cert;
  std::string server_key;
};

// Creates the files under a fresh temporary folder. Empty dir on failure (openssl missing).
TestPki MakeTestPki();

class TlsChatServer {
 public:
  TlsChatServer(const std::string& cert, const std::string& key);
  ~TlsChatServer();
  unsigned short Port() const;
  int Answered() const;  // requests received (and answered) after a successful handshake

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Splicer {
 public:
  enum class Mode { kForward, kConnectProxy };
  // kForward relays every connection to 127.0.0.1:target_port; kConnectProxy ignores it.
  Splicer(Mode mode, unsigned short target_port = 0);
  ~Splicer();
  unsigned short Port() const;
  int Connections() const;
  int MaxConcurrent() const;
  std::vector<std::string> ConnectTargets() const;  // "host:port" of each CONNECT

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jc::testing
