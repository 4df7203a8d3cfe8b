(defsymphony
 "Momentum with an overbought guard"
 {:asset-class "EQUITIES", :rebalance-frequency :daily}
 (weight-equal
  [(if
    (> (rsi "SPY" {:window 10}) 79)
    [(asset "UVXY" "ProShares Ultra VIX Short-Term Futures ETF")]
    [(weight-equal
      [(filter
        (cumulative-return {:window 60})
        (select-top 2)
        [(asset "QQQ" "Invesco QQQ Trust")
         (asset "SPY" "SPDR S&P 500 ETF Trust")
         (asset "TLT" "iShares 20+ Year Treasury Bond ETF")
         (asset "GLD" "SPDR Gold Shares")])])])]))
