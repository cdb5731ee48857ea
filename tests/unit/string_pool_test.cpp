#include "string_pool.h"

#include <gtest/gtest.h>

#include <string>

TEST(StringPool, InternsEqualStringsToOneId) {
    cb::StringPool pool;
    cb::StrId a = pool.intern("Contoso");
    cb::StrId b = pool.intern("Fabrikam");
    EXPECT_NE(a, b);
    EXPECT_EQ(pool.intern("Contoso"), a);
    EXPECT_EQ(pool.view(a), "Contoso");
    EXPECT_EQ(pool.find("Fabrikam"), b);
    EXPECT_EQ(pool.find("Northwind"), cb::kNoStr);
}

TEST(StringPool, EmptyStringIsAbsent) {
    cb::StringPool pool;
    EXPECT_EQ(pool.intern(""), cb::kNoStr);
    EXPECT_EQ(pool.view(cb::kNoStr), "");
}

TEST(StringPool, SurvivesGrowth) {
    cb::StringPool pool;
    for (int i = 0; i < 10000; ++i) pool.intern("queue-" + std::to_string(i));
    EXPECT_EQ(pool.size(), 10001u);
    for (int i = 0; i < 10000; i += 997)
        EXPECT_EQ(pool.view(pool.find("queue-" + std::to_string(i))), "queue-" + std::to_string(i));
}
