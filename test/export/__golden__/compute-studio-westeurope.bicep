// AML network rules for: Access the workspace from Azure Machine Learning studio, Use a compute instance or a compute cluster; region westeurope.
// The securityRules property of a Microsoft.Network/networkSecurityGroups resource.
securityRules: [
  {
    name: 'aml-in-azuremachinelearning-44224'
    properties: {
      description: 'Lets the Azure ML service create, update and delete compute instance and cluster nodes (destination VirtualNetwork, any source port). The...'
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'AzureMachineLearning'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '44224'
    }
  }
  {
    name: 'aml-out-azureactivedirectory-80_443'
    properties: {
      description: 'Signing in: the studio authenticates you with Microsoft Entra ID. Compute nodes, the CLI and the SDK get their tokens from Microsoft Entr...'
      priority: 100
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureActiveDirectory'
      destinationPortRanges: [
        '80'
        '443'
      ]
    }
  }
  {
    name: 'aml-out-azurefrontdoor.frontend-443'
    properties: {
      description: 'Azure Front Door serves the studio web app (ml.azure.com); also open it when you use the studio from a VM or compute instance inside an N...'
      priority: 110
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureFrontDoor.FrontEnd'
      destinationPortRange: '443'
    }
  }
  {
    name: 'aml-out-azuremachinelearning-443'
    properties: {
      description: 'The Azure ML service itself: the studio\'s Azure ML-specific calls go to the service endpoints behind the AzureMachineLearning tag. The Az...'
      priority: 120
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureMachineLearning'
      destinationPortRange: '443'
    }
  }
  {
    name: 'aml-out-azuremachinelearning-18881'
    properties: {
      description: 'Language server behind notebook IntelliSense on a compute instance.'
      priority: 130
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureMachineLearning'
      destinationPortRange: '18881'
    }
  }
  {
    name: 'aml-out-azuremachinelearning-5831'
    properties: {
      description: 'Creating, updating and deleting a compute instance.'
      priority: 140
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Udp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureMachineLearning'
      destinationPortRange: '5831'
    }
  }
  {
    name: 'aml-out-azureresourcemanager-443'
    properties: {
      description: 'Control plane: management and deployment operations started from the studio go through Azure Resource Manager. Control plane: the service...'
      priority: 150
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureResourceManager'
      destinationPortRange: '443'
    }
  }
  {
    name: 'aml-out-batchnodemanagement.westeurope-443'
    properties: {
      description: 'Compute instances and clusters run on Azure Batch; the nodes call out to the Batch service that manages them.'
      priority: 160
      direction: 'Outbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'BatchNodeManagement.westeurope'
      destinationPortRange: '443'
    }
  }
  {
    name: 'aml-out-storage.westeurope-443'
    properties: {
      description: 'Reaches Microsoft\'s storage account inside the Azure Batch managed network (blob, table and queue for managing the compute; none of your ...'
      priority: 170
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Storage.westeurope'
      destinationPortRange: '443'
    }
  }
  {
    name: 'aml-out-storage.westeurope-445'
    properties: {
      description: 'SMB to the file share of your storage account, needed in the rule set only when a firewall sits between the Azure ML VNet and the storage...'
      priority: 180
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Storage.westeurope'
      destinationPortRange: '445'
    }
  }
  {
    name: 'aml-out-azuremonitor-443'
    properties: {
      description: 'Sends metrics, monitoring data and support logs to Azure Monitor and Application Insights.'
      priority: 190
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureMonitor'
      destinationPortRange: '443'
    }
  }
  {
    name: 'aml-out-virtualnetwork-443'
    properties: {
      description: 'Reaches the private endpoints (workspace, storage, key vault, registry) in this VNet or in peered VNets. Only the 2026 firewall article a...'
      priority: 200
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '443'
    }
  }
  {
    name: 'aml-out-microsoftcontainerregistry-443'
    properties: {
      description: 'Azure ML\'s own images; the newest firewall article says this registry is needed in every scenario, and it also sets up the Azure ML route...'
      priority: 210
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'MicrosoftContainerRegistry'
      destinationPortRange: '443'
    }
  }
  {
    name: 'aml-out-azurefrontdoor.firstparty-443'
    properties: {
      description: 'Layers of Microsoft\'s registry images are served through Front Door: the MicrosoftContainerRegistry tag depends on it.'
      priority: 220
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureFrontDoor.FirstParty'
      destinationPortRange: '443'
    }
  }
]
