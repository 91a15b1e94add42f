trigger ExchangeSyncMemberTrigger on Exchange_Sync_Member__c(before insert, before update) {
    new ExchangeSyncMemberTriggerHandler().run();
}
