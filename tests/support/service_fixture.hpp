// GoogleTest fixture: a fresh service process per test, with the environment ExtraEnv() adds,
// and a client connected to it.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "support/http_client.hpp"
#include "support/service_process.hpp"

namespace jc::testing {

// The contract's one error shape, with the status and error code a test expects.
void ExpectError(const Response& res, unsigned status, std::string_view code);

class ServiceTest : public ::testing::Test {
 protected:
  virtual std::map<std::string, std::string> ExtraEnv() { return {}; }

  void SetUp() override {
    service_ = std::make_unique<ServiceProcess>(ExtraEnv());
    ASSERT_TRUE(service_->Started()) << "service did not start:\n" << service_->Log();
    client_ = std::make_unique<HttpClient>(service_->Port());
  }

  void TearDown() override {
    // Whatever a test did, the process must still be serving.
    if (service_ && service_->Started() && !stopped_) {
      HttpClient probe(service_->Port());
      EXPECT_EQ(probe.Get("/health/live").result_int(), 200u) << "the service stopped serving";
      EXPECT_TRUE(service_->Running());
    }
  }

  std::unique_ptr<ServiceProcess> service_;
  std::unique_ptr<HttpClient> client_;
  bool stopped_ = false;  // set by tests that stop the service on purpose
};

}  // namespace jc::testing
